"""Serves a folder on 127.0.0.1 for `run.sh --web`, each answer after a delay: a path
/delay/MS/rest is the file rest, answered MS milliseconds late, so relative links (the style
sheets) are late too. Prints the port it listens on, then serves until killed."""
import http.server
import socketserver
import sys
import time


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=sys.argv[1], **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.split("/", 3)
        if len(parts) == 4 and parts[1] == "delay" and parts[2].isdigit():
            time.sleep(int(parts[2]) / 1000)
            self.path = "/" + parts[3]
        super().do_GET()


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 256


server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
