"""The open-data filter by local authority (/api/v1/)."""

from api.filters import ReferenceCodeFilter

from .models import LocalAuthority


def local_authority_filter(**kwargs) -> ReferenceCodeFilter:
    return ReferenceCodeFilter(
        codes=lambda: LocalAuthority.objects.values_list("code", flat=True),
        noun="local authority code",
        help_text="ONS local authority code, e.g. E08000035 for Leeds.",
        **kwargs,
    )
