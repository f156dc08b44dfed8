"""What a person types as a postcode, and what they are told when it cannot be used."""

import pytest

from places.models import LocalAuthority, PostcodeDistrict
from places.postcodes import PostcodeError, locate, normalise

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed, expected",
    [("LS1 4AP", ("LS1", "LS1 4AP")), ("ls14ap", ("LS1", "LS1 4AP")), (" bd7 ", ("BD7", "BD7")), ("HX1  2AB", ("HX1", "HX1 2AB"))],
)
def test_postcodes_are_normalised(typed, expected):
    assert normalise(typed) == expected


def test_a_full_postcode_and_its_outcode_find_the_same_place():
    assert locate("LS1 4AP").district == locate("LS1").district
    assert locate("LS1 4AP").district.local_authority.name == "Leeds"


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Enter a postcode"),
        ("not a postcode", "Enter a real postcode"),
        ("<script>", "Enter a real postcode"),
        ("SW1A 1AA", "We do not have SW1A on our map"),
        ("LS88", "is not a postcode area people live or work in"),
    ],
)
def test_unusable_postcodes_get_a_clear_message(typed, message):
    with pytest.raises(PostcodeError, match=message):
        locate(typed)


def test_reference_data_is_loaded_with_every_local_authority():
    assert LocalAuthority.objects.count() == 10
    assert set(LocalAuthority.objects.values_list("name", flat=True)) >= {"Leeds", "Bradford", "Barnsley", "York"}
    assert PostcodeDistrict.objects.count() == 222
    assert PostcodeDistrict.objects.get(outcode="BD7").local_authority.name == "Bradford"
