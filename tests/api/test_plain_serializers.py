"""The search API reads its hits' attributes directly (PlainAttributesSerializer) for speed; what it answers must be
exactly what DRF's own field-by-field path gives."""

import datetime

from django.test import RequestFactory
from rest_framework import serializers

from search.api import CampaignHitSerializer, HitSerializer
from search.results import CampaignHit, Hit


def drf_representation(serializer_class, instance, context):
    serializer = serializer_class(context=context)
    return serializers.Serializer.to_representation(serializer, instance)


def test_a_hit_reads_the_same_as_drf_would_read_it():
    context = {"request": RequestFactory().get("/api/v1/search/")}
    full = Hit(
        id="programme-7",
        kind="programme",
        title="Python for beginners",
        summary="Learn to code",
        url="/courses/python-for-beginners/",
        tier="general",
        organisation_name="Leeds College",
        online=True,
        free=True,
        cost="free",
        cost_amount=0,
        help_to_start=["device_loan"],
        other_languages="Urdu, Polish",
        delivery_mode="online",
        next_start=datetime.date(2026, 12, 7),
        closing_date=None,
        weekly_wage=None,
        standard_level=3,
        skill_areas=["ADV-SOFTWARE"],
        local_authorities=["E08000035"],
        distance=1.25,
        highlights={"title": "<mark>Python</mark> for beginners"},
        related=True,
    )
    bare = Hit(id="sponsored-1", kind="sponsored", title="Data placement", summary="", url="/s/1/", tier="advanced", organisation_name="Acme")

    for hit in (full, bare):
        assert HitSerializer(hit, context=context).data == drf_representation(HitSerializer, hit, context)
    answer = HitSerializer(full, context=context).data
    assert answer["url"] == "http://testserver/courses/python-for-beginners/"
    assert answer["next_start"] == "2026-12-07" and answer["cost_amount"] == 0.0 and answer["closing_date"] is None

    story = CampaignHit(title="From shop floor to coding", url="/stories/shop-floor/", kind="story", summary="Amina's story")
    assert CampaignHitSerializer(story, context=context).data == drf_representation(CampaignHitSerializer, story, context)
