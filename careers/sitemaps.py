from publishing.sitemaps import PublicPostingsSitemap, VerifiedProfilesSitemap

from .models import ApprenticeshipVacancy, Employer, SponsoredOpportunity

SITEMAPS = {
    "apprenticeships": PublicPostingsSitemap(ApprenticeshipVacancy),
    "opportunities": PublicPostingsSitemap(SponsoredOpportunity),
    "employers": VerifiedProfilesSitemap(Employer),
}
