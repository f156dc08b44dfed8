"""Digital helpers: people at libraries, community centres and digital champion groups sign up with their
partner organisation, which a moderator verifies like an employer or a training provider before its helpers
can keep anyone's plan."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Organisation, User
from accounts.selectors import helper_organisations
from tests.accounts.helpers import sign_in_with_totp
from tests.accounts.test_signup import confirm_from_email, sign_up

pytestmark = pytest.mark.django_db


def test_a_digital_helper_signs_up_with_their_library_which_a_moderator_then_verifies(client, moderator_with_totp):
    form = client.get(reverse("account_signup")).content.decode()
    assert "A digital helper at a library, community centre or digital champion group" in form

    sign_up(client, "helper@example.org", role="partner", organisation_name="Headingley Library")
    confirm_from_email(client, "helper@example.org")

    helper = User.objects.get(email="helper@example.org")
    library = Organisation.objects.get(name="Headingley Library")
    assert helper.role == User.Role.PARTNER and library.kind == Organisation.Kind.PARTNER
    assert library.profile is None  # no public profile, unlike employers and providers
    # Until a moderator has checked the library, its helper keeps nothing and is told why.
    waiting = client.get(reverse("pathways:helping"))
    assert waiting.status_code == 403
    assert "Headingley Library is waiting for a moderator to check it" in waiting.content.decode()
    assert not helper_organisations(user=helper).exists()
    own_page = client.get(reverse("accounts:organisation", args=[library.slug])).content.decode()
    assert "you can keep their plans only once a moderator has verified it" in own_page

    moderator = Client()
    sign_in_with_totp(moderator, *moderator_with_totp)
    assert "Headingley Library" in moderator.get(reverse("accounts_organisation_queue")).content.decode()
    moderator.post(reverse("accounts_organisation_verify", args=[library.pk]))

    assert "Your organisation's digital helpers can keep the plans" in client.get(
        reverse("accounts:organisation", args=[library.slug])
    ).content.decode()
    home = client.get("/pathways/").content.decode()
    assert f'href="{reverse("pathways:helping")}">People we helped</a>' in home
    assert client.get(reverse("pathways:helping"))["Location"] == reverse("pathways:helped_list", args=[library.slug])


def test_a_digital_helper_cannot_join_an_employer_at_sign_up(client):
    employer = Organisation.objects.create(name="Aire Valley Software", slug="aire-valley-software", kind="employer")
    employer.verified_at = employer.created_at
    employer.save()

    response = sign_up(client, "helper@example.org", role="partner", join_organisation=employer.pk)

    assert "Aire Valley Software is listed as" in response.content.decode()
    assert not User.objects.filter(email="helper@example.org").exists()
