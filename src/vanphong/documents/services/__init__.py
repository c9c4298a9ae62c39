"""Every state change of the documents area (DESIGN.md: services own the writes)."""
