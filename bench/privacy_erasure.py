"""How long "download al mijn gegevens" and "verwijder mijn account" take on a platform with many people.

Fills a throw-away database with ``--people`` medewerkers (profile with skills, notifications, posts in a
beroepsgroep, access-log entries), then one person with data in every app (the test world), and times the
JSON export of that person and erasing them — erasure scans every text column for the name and e-mail
address, so its time grows with the platform. Checks the outcome too: after erasure the name is gone.

    .venv/bin/python bench/privacy_erasure.py --db sqlite --people 5000
    .venv/bin/python bench/privacy_erasure.py --db postgres      # BENCH_POSTGRES_URL, default local
"""

import argparse
import statistics
import sys
import time

from _setup import ROOT, fresh_django

sys.path.insert(0, str(ROOT))  # the test factories build the data

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
parser.add_argument("--people", type=int, default=5000)
parser.add_argument("--notifications", type=int, default=10, help="per person")
parser.add_argument("--posts", type=int, default=3, help="per person")
args = parser.parse_args()


def timed(action, repeat=1):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return result, times


with fresh_django(args.db, name="wendbaar_bench_privacy"):
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone
    from tests.privacy.factories import build_world

    from wendbaar.access.models import AccessLogEntry
    from wendbaar.accounts.models import User
    from wendbaar.communities.models import Group, Post, Thread
    from wendbaar.notifications.models import Notification
    from wendbaar.privacy import erasure, exporters
    from wendbaar.profiles.models import Profile, ProfileSkill
    from wendbaar.taxonomy.models import Skill
    from wendbaar.taxonomy.starter_import import load_starter_set

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.COMMUNITIES_ATTACHMENT_ROOT = settings.VAR_DIR / "bijlagen"
    load_starter_set()

    started = time.perf_counter()
    now = timezone.now()
    skills = list(Skill.objects.values_list("pk", flat=True)[:40])
    users = User.objects.bulk_create(
        User(
            email=f"persoon{i}@gemeente.example", name=f"Persoon {i} de Vries", password="!", date_joined=now
        )
        for i in range(args.people)
    )
    profiles = Profile.objects.bulk_create(Profile(user=u) for u in users)
    ProfileSkill.objects.bulk_create(
        ProfileSkill(profile=p, skill_id=skills[(i + k) % len(skills)], level=2)
        for i, p in enumerate(profiles)
        for k in range(8)
    )
    Notification.objects.bulk_create(
        Notification(user=u, kind="events.bijeenkomst", text=f"Je bent aangemeld, {u.name}. Tot dan!")
        for u in users
        for _ in range(args.notifications)
    )
    group = Group.objects.create(name="KCC", slug="kcc", summary="Groep")
    threads = Thread.objects.bulk_create(
        Thread(group=group, author=u, title=f"Vraag van {u.name}", last_activity_at=now) for u in users[:1000]
    )
    body = "Hoe regelen jullie de controle van reisdocumenten aan de balie? " * 4
    Post.objects.bulk_create(
        Post(
            thread=threads[i % len(threads)],
            author=u,
            body=body,
            body_html=f"<p>{body}</p>",
            body_text=body,
            is_opening=False,
        )
        for i, u in enumerate(users)
        for _ in range(args.posts)
    )
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            subject=u, actor_description="Annelies Bakker (Loopbaanadviseur)", what="profiel", why="gesprek"
        )
        for u in users
    )
    fill = time.perf_counter() - started
    world = build_world()
    person = world.person
    rows = {
        "notificaties": Notification.objects.count(),
        "berichten": Post.objects.count(),
        "vaardigheden in profielen": ProfileSkill.objects.count(),
    }

    data, export_times = timed(lambda: exporters.export_json(person), repeat=5)
    _kept, erase_times = timed(lambda: erasure.erase(person))
    left = Notification.objects.filter(text__contains=world.person.name).count() + (
        User.objects.filter(pk=person.pk).count()
    )
    assert left == 0, "the person is gone"
    # Erasing a plain member too (profile, notifications, posts), five times.
    plain = users[:5]
    _none, plain_times = timed(lambda: erasure.erase(plain.pop()), repeat=5)

    print(f"database: {connection.vendor}; filled {args.people} people in {fill:.1f} s; {rows}")
    print(
        f"export (JSON, {len(data) // 1024} KB, every app): median {statistics.median(export_times):.0f} ms"
    )
    print(f"erase (person with data in every app, full scrub): {erase_times[0]:.0f} ms")
    print(
        f"erase (plain member): median {statistics.median(plain_times):.0f} ms, "
        f"max {max(plain_times):.0f} ms over {len(plain_times)}"
    )
