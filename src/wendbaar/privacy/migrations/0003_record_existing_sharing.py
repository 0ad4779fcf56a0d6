"""Sharing that was switched on before consent records existed (the flags on a gesprek and on an event
registration) gets its consent record, so the person sees it on "Privacy en je gegevens" and can stop it."""

from django.db import migrations


def forwards(apps, schema_editor):
    ConsentRecord = apps.get_model("privacy", "ConsentRecord")
    Conversation = apps.get_model("events", "Conversation")
    Registration = apps.get_model("events", "Registration")
    wanted = [
        (person_id, "profiel-met-adviseur", f"gesprek:{pk}")
        for person_id, pk in Conversation.objects.filter(share_profile=True).values_list("person_id", "pk")
    ] + [
        (user_id, "deelnemerslijst", f"bijeenkomst:{event_id}")
        for user_id, event_id in Registration.objects.filter(share_on_attendee_list=True).values_list(
            "user_id", "event_id"
        )
    ]
    open_ = set(
        ConsentRecord.objects.filter(revoked_at__isnull=True).values_list("user_id", "purpose", "audience")
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(user_id=user_id, purpose=purpose, audience=audience)
        for user_id, purpose, audience in wanted
        if (user_id, purpose, audience) not in open_
    )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0002_anonymous_counts_and_retention"),
        ("events", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
