"""The pathways app's records: the skills frameworks and tiers, the self-assessment as editable data, and the
plans residents keep. Knows nothing of the other apps' models."""

from .assessment import Level, PlacementRule, Question, Statement
from .frameworks import Competence, SkillArea, Tier
from .plans import PathwayPlan

__all__ = ["Competence", "Level", "PathwayPlan", "PlacementRule", "Question", "SkillArea", "Statement", "Tier"]
