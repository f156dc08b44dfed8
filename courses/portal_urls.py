"""The provider portal under /portal/provider/ (built by the portal work)."""

app_name = "provider_portal"

urlpatterns = []
