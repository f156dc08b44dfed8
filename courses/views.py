from publishing.views import PostingPages, ProfilePage

from .models import Programme, Provider
from .structured_data import programme_json_ld, provider_json_ld

programme = PostingPages(
    queryset=Programme.objects.select_related("provider__organisation", "tier", "sponsor_campaign"),
    noun="programme",
    template="courses/programme_detail.html",
    json_ld=programme_json_ld,
    extra=lambda programme: {
        "runs": programme.future_runs().select_related("venue"),
        "venues": programme.venues.select_related("local_authority"),
    },
    link_field="enquiry_url",
)
programme_detail, programme_apply = programme.detail, programme.apply

provider_detail = ProfilePage(
    Provider,
    json_ld=provider_json_ld,
    extra=lambda provider: {
        "programmes": provider.programmes.open().select_related("tier").order_by("title"),
        "venues": provider.venues.select_related("local_authority"),
    },
).detail
