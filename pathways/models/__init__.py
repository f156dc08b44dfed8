"""The pathways app's records: the skills frameworks and tiers, the self-assessment as editable data, and the
plans residents keep (or digital helpers keep for them). Knows nothing of the other apps' models but accounts'
organisations."""

from .assessment import Level, PlacementRule, Question, Statement
from .frameworks import Competence, SkillArea, Tier
from .helpers import HelpedResident
from .plans import PathwayPlan

__all__ = ["Competence", "HelpedResident", "Level", "PathwayPlan", "PlacementRule", "Question", "SkillArea", "Statement", "Tier"]
