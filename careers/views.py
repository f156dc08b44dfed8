from publishing.views import PostingPages, ProfilePage

from .models import ApprenticeshipVacancy, Employer, SponsoredOpportunity
from .structured_data import employer_json_ld, opportunity_json_ld, vacancy_json_ld

apprenticeship = PostingPages(
    queryset=ApprenticeshipVacancy.objects.select_related(
        "employer__organisation", "standard", "training_provider__provider", "tier", "local_authority"
    ),
    noun="apprenticeship",
    name="vacancy",
    template="careers/apprenticeship_detail.html",
    json_ld=vacancy_json_ld,
)
apprenticeship_detail, apprenticeship_apply = apprenticeship.detail, apprenticeship.apply

opportunity = PostingPages(
    queryset=SponsoredOpportunity.objects.select_related("sponsor__organisation", "tier", "local_authority", "sponsor_campaign"),
    noun="opportunity",
    template="careers/opportunity_detail.html",
    json_ld=opportunity_json_ld,
)
opportunity_detail, opportunity_apply = opportunity.detail, opportunity.apply

employer_detail = ProfilePage(
    Employer,
    json_ld=employer_json_ld,
    extra=lambda employer: {
        "vacancies": employer.vacancies.open().select_related("standard"),
        "opportunities": employer.sponsored_opportunities.open(),
    },
).detail
