#!/usr/bin/env python3
"""A TCP proxy in front of a PostgreSQL or MySQL/MariaDB server that drops the connection (closes both
ends, forwarding nothing more) as soon as the client sends bytes holding one text, e.g. COMMIT: the
server never gets it and rolls back, while the client cannot know. Everything before passes through.
For the faults a real network gives only by chance. Plain connections only (no TLS).

  connection_dropper.py --to HOST:PORT --match TEXT --port-file FILE [--lifetime SECONDS]

Listens on a free loopback port, writes it to FILE, and serves until killed (or --lifetime seconds).
"""
import argparse
import threading

from proxy_common import close_both, serve


def pipe(source, target, match=None):
    try:
        while data := source.recv(65536):
            if match is not None and match in data:
                break
            target.sendall(data)
    except OSError:
        pass
    finally:
        close_both(source, target)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--to", required=True)
    parser.add_argument("--match", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--lifetime", type=float, default=300)
    args = parser.parse_args()
    match = args.match.encode()

    def start_pipes(client, server):
        threading.Thread(target=pipe, args=(server, client), daemon=True).start()
        threading.Thread(target=pipe, args=(client, server, match), daemon=True).start()

    serve(args.to, args.port_file, args.lifetime, start_pipes)

if __name__ == "__main__":
    main()
