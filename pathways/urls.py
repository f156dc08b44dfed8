"""The self-assessment and pathway plans under /pathways/ (built by the pathways work)."""

app_name = "pathways"

urlpatterns = []
