"""The parts the open-data API's endpoints share (pagination, CSV, filters, schema, the read-only viewset). It
knows no app of ours, so every app may use it; the URL wiring of the apps' API views is configuration
(skills_site/api_urls.py)."""
