from .records import (  # noqa: F401
    DISABILITY_CONFIDENT_LEVELS,
    ApprenticeshipStandard,
    ApprenticeshipVacancy,
    Employer,
    Pledge,
    Sponsor,
    SponsorCampaign,
    SponsoredOpportunity,
)
from .pages import (  # noqa: F401
    CampaignPage,
    CareerProfilePage,
    CareerProfileSkill,
    CareerProfileStandard,
    EventPage,
    StoryPage,
)
