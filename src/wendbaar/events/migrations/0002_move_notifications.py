"""Notifications moved to wendbaar.notifications: copy every row there, then drop events.Notification.

Their mail went out when they were made, so the copies count as mailed and no overview sends them again.
"""

from django.db import migrations

BATCH = 2000


def forwards(apps, schema_editor):
    Old = apps.get_model("events", "Notification")
    New = apps.get_model("notifications", "Notification")
    batch = []
    for row in Old.objects.order_by("pk").iterator(chunk_size=BATCH):
        batch.append(
            New(
                user_id=row.user_id,
                kind=f"events.{row.topic}",
                text=row.text,
                url=row.url,
                created_at=row.created_at,
                read_at=row.read_at,
                email_state="verstuurd",
                emailed_at=row.created_at,
                emailed_in="direct",
            )
        )
        if len(batch) >= BATCH:
            New.objects.bulk_create(batch)
            batch = []
    New.objects.bulk_create(batch)


def backwards(apps, schema_editor):
    Old = apps.get_model("events", "Notification")
    New = apps.get_model("notifications", "Notification")
    rows = New.objects.filter(kind__in=["events.bijeenkomst", "events.gesprek"]).order_by("pk")
    Old.objects.bulk_create(
        [
            Old(
                user_id=row.user_id,
                topic=row.kind.removeprefix("events."),
                text=row.text,
                url=row.url[:300],
                created_at=row.created_at,
                read_at=row.read_at,
            )
            for row in rows.iterator(chunk_size=BATCH)
        ],
        batch_size=BATCH,
    )
    # auto_now_add filled in the time of copying; put the original times back.
    for old, new in zip(Old.objects.order_by("pk"), rows, strict=True):
        if old.created_at != new.created_at:
            Old.objects.filter(pk=old.pk).update(created_at=new.created_at)
    rows.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="Notification"),
    ]
