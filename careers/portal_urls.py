"""The employer portal under /portal/employer/ (built by the portal work)."""

app_name = "employer_portal"

urlpatterns = []
