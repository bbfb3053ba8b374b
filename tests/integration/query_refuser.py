#!/usr/bin/env python3
"""A TCP proxy in front of a MySQL/MariaDB server that answers the queries containing one text with an
error packet of its own, as if the server had refused them (a timeout, a lost right); everything else
passes through. For faults a real server gives only by chance. Plain connections only (no TLS).

  query_refuser.py --to HOST:PORT --match TEXT --errno N --sqlstate XXXXX --message TEXT --port-file FILE

Listens on a free loopback port, writes it to FILE, and serves until killed (or --lifetime seconds).
"""
import argparse
import struct
import threading

from proxy_common import close_both, serve


def error_packet(seq, errno, sqlstate, message):
    payload = b"\xff" + struct.pack("<H", errno) + b"#" + sqlstate.encode()[:5] + message.encode()
    return struct.pack("<I", len(payload))[:3] + bytes([seq & 0xFF]) + payload


def pipe_server_to_client(server, client):
    try:
        while data := server.recv(65536):
            client.sendall(data)
    except OSError:
        pass
    finally:
        close_both(client, server)


def pipe_client_to_server(client, server, args):
    """Reads whole packets (3-byte length, 1-byte sequence, payload): a COM_QUERY (0x03) holding the text
    is answered here and never reaches the server."""
    match = args.match.encode()
    buffer = b""
    try:
        while data := client.recv(65536):
            buffer += data
            while len(buffer) >= 4:
                length = int.from_bytes(buffer[:3], "little")
                if len(buffer) < 4 + length:
                    break
                packet, buffer = buffer[: 4 + length], buffer[4 + length :]
                payload = packet[4:]
                if payload[:1] == b"\x03" and match in payload:
                    client.sendall(error_packet(packet[3] + 1, args.errno, args.sqlstate, args.message))
                else:
                    server.sendall(packet)
    except OSError:
        pass
    finally:
        close_both(client, server)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--to", required=True)
    parser.add_argument("--match", required=True)
    parser.add_argument("--errno", type=int, required=True)
    parser.add_argument("--sqlstate", required=True)
    parser.add_argument("--message", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--lifetime", type=float, default=300)
    args = parser.parse_args()

    def start_pipes(client, server):
        threading.Thread(target=pipe_server_to_client, args=(server, client), daemon=True).start()
        threading.Thread(target=pipe_client_to_server, args=(client, server, args), daemon=True).start()

    serve(args.to, args.port_file, args.lifetime, start_pipes)

if __name__ == "__main__":
    main()
