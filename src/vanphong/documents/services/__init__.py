"""Every state change of the documents area (docs/architecture.md: services own the writes)."""
