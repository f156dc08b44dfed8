from publishing.sitemaps import PublicPostingsSitemap, VerifiedProfilesSitemap

from .models import Programme, Provider

SITEMAPS = {
    "programmes": PublicPostingsSitemap(Programme),
    "providers": VerifiedProfilesSitemap(Provider),
}
