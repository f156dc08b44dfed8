from .records import (  # noqa: F401
    ApprenticeshipStandard,
    ApprenticeshipVacancy,
    Employer,
    Sponsor,
    SponsorCampaign,
    SponsoredOpportunity,
)
