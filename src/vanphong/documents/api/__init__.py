"""The documents API, one module per resource: incoming, outgoing (each with its files, files.py)
and the registers. HTTP only: access through core/access.py, changes through
documents/services."""

from vanphong.documents.api.incoming import router as incoming_router
from vanphong.documents.api.outgoing import router as outgoing_router
from vanphong.documents.api.registers import router as registers_router

__all__ = ["incoming_router", "outgoing_router", "registers_router"]
