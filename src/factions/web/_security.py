"""What keeps a page over untrusted articles safe: headers on every answer, hosts, origins.

Articles, actor names and URLs come from whatever was ingested, so the page treats them as
data (it builds elements with ``textContent``, never HTML strings) and the server forbids any
script it did not ship: the Content-Security-Policy allows scripts from this server only, and
no inline script, event-handler attribute or ``javascript:`` URL. A local server is also
reachable by every site the user visits, through the browser: checking the Host header stops
DNS rebinding, and checking the Origin of a write stops another site from posting to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class SecurityHeaders:
    """ASGI middleware: the headers above on every answer, and no caching of the API's."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = str(scope.get("path", "")).startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if api:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def allowed_hosts(host: str, extra: Sequence[str] = ()) -> list[str]:
    """Host names the server answers to: the local ones and the one it binds, or any name
    when it binds every interface (then it is reached by names we cannot know)."""
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    return sorted({*LOCAL_HOSTS, host, *extra})


def same_origin(request: Request) -> None:
    """Refuse a write that a page of another site sends (a browser names it in Origin)."""
    origin = request.headers.get("origin")
    if origin is None:
        return  # not a browser (curl, a script): nothing to forge
    if urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(
            status_code=403, detail="writes are accepted from this server's page only"
        )
