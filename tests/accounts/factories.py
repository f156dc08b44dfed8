import factory
from allauth.account.models import EmailAddress

from accounts.models import Membership, Organisation, User

PASSWORD = "correct horse battery staple 42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Resident{n}")
    role = User.Role.RESIDENT
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        """People made by the factory have confirmed their address, unless verified_email=False."""
        user.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.EMPLOYER


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, role=User.Role.EMPLOYER)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Membership.Status.ACTIVE


def member(profile, **kwargs):
    return MembershipFactory(organisation=profile.organisation, **kwargs).user
