"""The public API under /api/v1/ (filled in by the open-data work)."""

urlpatterns = []
