"""The open-data API under /api/v1/: the parts its endpoints share (pagination, CSV, filters, schema, the
read-only viewset), which know no domain app, and the URL wiring of the domain apps' API views (urls.py)."""
