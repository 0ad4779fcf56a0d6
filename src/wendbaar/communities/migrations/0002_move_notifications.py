"""Notifications and e-mail choices moved to wendbaar.notifications: copy them there, then drop
communities.Notification and communities.NotificationPreference.

A notification now points at its post (or topic, or group); its text is still made when it is shown. The
e-mail choice for the beroepsgroepen becomes the choice for the group "beroepsgroepen" ("uit" is "geen").
What was waiting for the daily overview stays waiting; what was mailed counts as mailed.
"""

from django.db import migrations

BATCH = 2000
GROUP = "beroepsgroepen"
TO_NEW = {"direct": "direct", "dagelijks": "dagelijks", "uit": "geen"}
TO_OLD = {"direct": "direct", "dagelijks": "dagelijks", "wekelijks": "dagelijks", "geen": "uit"}
KINDS = ["reactie", "antwoord", "genoemd", "gekozen", "aanvraag", "toegelaten", "melding"]


def content_types(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return {
        name: ContentType.objects.get_or_create(app_label="communities", model=name)[0].pk
        for name in ("group", "thread", "post")
    }


def forwards(apps, schema_editor):
    Old = apps.get_model("communities", "Notification")
    OldPreference = apps.get_model("communities", "NotificationPreference")
    New = apps.get_model("notifications", "Notification")
    Preference = apps.get_model("notifications", "EmailPreference")
    Preference.objects.bulk_create(
        [
            Preference(user_id=p.user_id, group=GROUP, email=TO_NEW[p.email])
            for p in OldPreference.objects.order_by("pk")
        ],
        batch_size=BATCH,
    )
    if not Old.objects.exists():
        return
    types = content_types(apps)
    direct = set(OldPreference.objects.filter(email="direct").values_list("user_id", flat=True))
    batch = []
    for row in Old.objects.order_by("pk").iterator(chunk_size=BATCH):
        if row.post_id:
            target = (types["post"], row.post_id)
        elif row.thread_id:
            target = (types["thread"], row.thread_id)
        else:
            target = (types["group"], row.group_id)
        if row.emailed_at:
            state, emailed_in = "verstuurd", "direct" if row.user_id in direct else "dagelijks"
        else:
            state, emailed_in = ("overzicht" if row.email_due else "geen"), ""
        batch.append(
            New(
                user_id=row.user_id,
                kind=f"communities.{row.kind}",
                target_type_id=target[0],
                target_id=target[1],
                actor_id=row.actor_id,
                created_at=row.created_at,
                read_at=row.read_at,
                email_state=state,
                emailed_at=row.emailed_at,
                emailed_in=emailed_in,
            )
        )
        if len(batch) >= BATCH:
            New.objects.bulk_create(batch)
            batch = []
    New.objects.bulk_create(batch)


def backwards(apps, schema_editor):
    Old = apps.get_model("communities", "Notification")
    OldPreference = apps.get_model("communities", "NotificationPreference")
    New = apps.get_model("notifications", "Notification")
    Preference = apps.get_model("notifications", "EmailPreference")
    Post = apps.get_model("communities", "Post")
    Thread = apps.get_model("communities", "Thread")
    preferences = Preference.objects.filter(group=GROUP)
    OldPreference.objects.bulk_create(
        [OldPreference(user_id=p.user_id, email=TO_OLD[p.email]) for p in preferences.order_by("pk")],
        batch_size=BATCH,
    )
    preferences.delete()
    types = content_types(apps)
    rows = New.objects.filter(kind__in=[f"communities.{kind}" for kind in KINDS]).order_by("pk")
    copies, times = [], []
    for row in rows.iterator(chunk_size=BATCH):
        post = thread = None
        if row.target_type_id == types["post"]:
            post = Post.objects.select_related("thread").filter(pk=row.target_id).first()
            thread = post.thread if post else None
        elif row.target_type_id == types["thread"]:
            thread = Thread.objects.filter(pk=row.target_id).first()
        group_id = thread.group_id if thread else row.target_id if row.target_type_id == types["group"] else None
        if group_id is None:
            continue
        copies.append(
            Old(
                user_id=row.user_id,
                kind=row.kind.removeprefix("communities."),
                group_id=group_id,
                thread=thread,
                post=post,
                actor_id=row.actor_id,
                read_at=row.read_at,
                email_due=row.email_state in ("direct", "overzicht", "verstuurd"),
                emailed_at=row.emailed_at,
            )
        )
        times.append(row.created_at)
    Old.objects.bulk_create(copies, batch_size=BATCH)
    # auto_now_add filled in the time of copying; put the original times back.
    for old, created_at in zip(Old.objects.order_by("pk"), times, strict=True):
        Old.objects.filter(pk=old.pk).update(created_at=created_at)
    rows.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="Notification"),
        migrations.DeleteModel(name="NotificationPreference"),
    ]
