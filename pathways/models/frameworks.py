"""Skills frameworks and tiers: the shared vocabulary of residents' skills."""

from django.db import models


class Tier(models.Model):
    """Inclusion, general or advanced: where a resident stands in a skill area, and what an opportunity is for."""

    INCLUSION = "inclusion"
    GENERAL = "general"
    ADVANCED = "advanced"

    code = models.SlugField(max_length=20, unique=True, help_text="Stable: other records and searches use it")
    name = models.CharField(max_length=60)
    position = models.PositiveSmallIntegerField(unique=True)
    summary = models.CharField(max_length=200, help_text="One plain-English sentence a resident understands")
    description = models.TextField()

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return self.name


class SkillArea(models.Model):
    """A skill area from a framework (UK Essential Digital Skills, EU DigComp 2.2) or an advanced specialism."""

    class Framework(models.TextChoices):
        ESSENTIAL_DIGITAL_SKILLS = "uk-eds", "UK Essential Digital Skills"
        DIGCOMP = "digcomp", "EU DigComp 2.2"
        SPECIALISM = "specialism", "Advanced digital specialism"

    code = models.CharField(max_length=40, unique=True, help_text="Stable: other records and searches use it")
    framework = models.CharField(max_length=20, choices=Framework.choices)
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    source = models.CharField(max_length=300)

    class Meta:
        ordering = ["framework", "position", "code"]

    def __str__(self):
        return self.title


class Competence(models.Model):
    """A foundation skill statement, a worked example, or a DigComp competence within a skill area."""

    class Kind(models.TextChoices):
        SKILL_STATEMENT = "skill statement", "Skill statement"
        EXAMPLE = "example", "Example"
        COMPETENCE = "competence", "Competence"

    code = models.CharField(max_length=40, unique=True)
    skill_area = models.ForeignKey(SkillArea, on_delete=models.CASCADE, related_name="competences")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=300)

    class Meta:
        ordering = ["skill_area", "code"]

    def __str__(self):
        return self.title
