"""What the test proxies (query_refuser.py, connection_dropper.py) share: a loopback listener whose port
goes to a file, and a loop that connects each client to the server and starts the proxy's own pipes."""
import os
import socket
import time


def close_both(*sockets):
    for s in sockets:
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def serve(to, port_file, lifetime, start_pipes):
    """Listens on a free loopback port, writes it to port_file (atomically), and for each client until
    `lifetime` seconds have passed connects to `to` (HOST:PORT) and calls start_pipes(client, server)."""
    host, port = to.rsplit(":", 1)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(listener.getsockname()[1]))
    os.replace(port_file + ".tmp", port_file)
    deadline = time.monotonic() + lifetime
    listener.settimeout(1)
    while time.monotonic() < deadline:
        try:
            client, _ = listener.accept()
        except socket.timeout:
            continue
        start_pipes(client, socket.create_connection((host, int(port))))
