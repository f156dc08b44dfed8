"""The tiers and skills frameworks every other part of the platform speaks in."""

import pytest

from pathways.models import Competence, SkillArea, Tier

pytestmark = pytest.mark.django_db


def test_three_tiers_in_order_with_plain_descriptions():
    tiers = list(Tier.objects.all())

    assert [tier.code for tier in tiers] == ["inclusion", "general", "advanced"]
    assert all(tier.summary and len(tier.summary) <= 200 for tier in tiers)


def test_essential_digital_skills_digcomp_and_specialisms_are_loaded_with_their_sources():
    codes = set(SkillArea.objects.values_list("code", flat=True))

    assert {"EDS-F", "EDS-C", "EDS-H", "EDS-T", "EDS-P", "EDS-S"} <= codes
    assert {"DC-1", "DC-2", "DC-3", "DC-4", "DC-5"} <= codes
    assert SkillArea.objects.filter(framework="specialism").count() == 8
    assert Competence.objects.filter(skill_area__framework="digcomp", kind="competence").count() == 21
    assert Competence.objects.filter(code__startswith="EDS-F-0", kind="skill statement").count() == 9
    assert Competence.objects.get(code="DC-4.2").skill_area.code == "DC-4"
    assert "DfE" in SkillArea.objects.get(code="EDS-F").source
    assert "DigComp 2.2" in SkillArea.objects.get(code="DC-1").source
