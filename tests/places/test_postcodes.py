"""What a person types as a postcode, where it puts them, and what they are told when it cannot be used."""

import pytest

from places.models import LocalAuthority, Postcode, PostcodeDistrict
from places.postcodes import PostcodeError, locate, normalise
from places.distances import distance_miles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed, expected",
    [("LS1 4AP", ("LS1", "LS1 4AP")), ("ls14ap", ("LS1", "LS1 4AP")), (" bd7 ", ("BD7", "BD7")), ("HX1  2AB", ("HX1", "HX1 2AB"))],
)
def test_postcodes_are_normalised(typed, expected):
    assert normalise(typed) == expected


def test_a_full_postcode_gets_its_own_point(django_assert_num_queries):
    with django_assert_num_queries(1):
        place = locate("ls6 1qa")

    assert place.precise
    assert (place.postcode, place.district.outcode, place.local_authority.name) == ("LS6 1QA", "LS6", "Leeds")
    assert (place.latitude, place.longitude) == (53.805441, -1.570393)  # as data/reference/postcodes_lcr.csv has it


def test_two_postcodes_in_one_district_are_a_measurable_distance_apart():
    burley, headingley = locate("LS6 1QA"), locate("LS6 1AA")

    assert burley.district == headingley.district
    assert round(distance_miles(burley.latitude, burley.longitude, headingley.latitude, headingley.longitude), 1) == 0.9


def test_an_outcode_gets_its_districts_centroid():
    place = locate("LS6")
    district = PostcodeDistrict.objects.get(outcode="LS6")

    assert not place.precise
    assert (place.postcode, place.latitude, place.longitude) == ("LS6", district.latitude, district.longitude)
    assert place.local_authority == district.local_authority


def test_a_postcode_we_do_not_hold_falls_back_to_its_district():
    """Terminated and brand-new postcodes are not in the release; the person is still placed, less precisely."""
    place = locate("LS6 9ZZ")

    assert not place.precise
    assert place.postcode == "LS6 9ZZ"
    assert (place.latitude, place.longitude) == (locate("LS6").latitude, locate("LS6").longitude)


@pytest.mark.parametrize(
    "postcode, authority",
    [
        ("WF3 1AA", "Leeds"),  # in Leeds, though the WF3 district's centre lies in Wakefield
        ("S70 1AA", "Barnsley"),  # the release uses Barnsley's new code
        ("HG1 1AA", "Harrogate"),  # North Yorkshire since 2023: the former district of its postcode district
        ("LS21 2ES", None),  # North Yorkshire, in a district centred in Leeds: we cannot say which former district
    ],
)
def test_a_full_postcode_has_its_own_local_authority(postcode, authority):
    place = locate(postcode)

    assert (place.local_authority.name if place.local_authority else None) == authority


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Enter a postcode"),
        ("not a postcode", "Enter a real postcode"),
        ("<script>", "Enter a real postcode"),
        ("SW1A 1AA", "We do not have SW1A on our map"),
        ("LS88", "is not a postcode area people live or work in"),
        ("LS88 8AA", "is not a postcode area people live or work in"),  # a real postcode, but for bulk mail
    ],
)
def test_unusable_postcodes_get_a_clear_message(typed, message):
    with pytest.raises(PostcodeError, match=message):
        locate(typed)


def test_reference_data_is_loaded_with_every_local_authority_and_postcode():
    assert LocalAuthority.objects.count() == 10
    assert set(LocalAuthority.objects.values_list("name", flat=True)) >= {"Leeds", "Bradford", "Barnsley", "York"}
    assert PostcodeDistrict.objects.count() == 222
    assert PostcodeDistrict.objects.get(outcode="BD7").local_authority.name == "Bradford"
    # Every live postcode of the file that has a point and a district we hold (13 have no point; LS78 no district).
    assert Postcode.objects.count() == 96_626
