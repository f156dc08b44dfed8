from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import LocalAuthority, PostcodeDistrict


class LocalAuthorityViewSet(SnippetViewSet):
    model = LocalAuthority
    icon = "site"
    menu_label = "Local authorities"
    list_display = ["name", "code", "county", "status"]
    add_to_admin_menu = False


class PostcodeDistrictViewSet(SnippetViewSet):
    model = PostcodeDistrict
    icon = "site"
    list_display = ["outcode", "post_town", "local_authority", "in_use"]
    list_filter = ["local_authority", "in_use"]
    search_fields = ["outcode", "post_town", "places"]


register_snippet(LocalAuthorityViewSet)
register_snippet(PostcodeDistrictViewSet)
