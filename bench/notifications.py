"""Notifications under load: the unread count in the header (on every page), the /meldingen/ page, and the
daily e-mail overviews for everyone — with the access rule of the beroepsgroepen in every query.

Builds people, groups (a third of them closed) with topics and posts, and a mix of stored notifications
(bijeenkomsten, gesprekken) and rendered ones (beroepsgroepen) on a throw-away database; then prints p50/p95
of the count and the page, and the time of an overview run and of a second run (which must send nothing).
Checks the outcome too (one mail per person, nobody mailed twice), so a fast wrong answer cannot pass.

    .venv/bin/python bench/notifications.py --db sqlite
    .venv/bin/python bench/notifications.py --db postgres      # BENCH_POSTGRES_URL, default local
"""

import argparse
import random
import statistics
import sys
import time
from datetime import timedelta

from _setup import ROOT, fresh_django

sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
parser.add_argument("--people", type=int, default=2000)
parser.add_argument("--per-person", type=int, default=60, help="notifications per person")
parser.add_argument("--repeat", type=int, default=50)
args = parser.parse_args()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def report(label, wall_ms, cpu_ms):
    """Wall time, and this process's CPU time (on SQLite that includes the database; on a busy machine it
    shows what the work costs when the wall time mostly shows waiting for a core)."""
    wall = f"wall p50 {statistics.median(wall_ms):6.1f} ms  p95 {percentile(wall_ms, 0.95):6.1f} ms"
    cpu = f"cpu p50 {statistics.median(cpu_ms):6.1f} ms  p95 {percentile(cpu_ms, 0.95):6.1f} ms"
    print(f"  {label:<30} {wall}   {cpu}")


class Timer:
    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = (time.perf_counter() - self.wall) * 1000
        self.cpu = (time.process_time() - self.cpu) * 1000


with fresh_django(args.db, name="wendbaar_bench_notifications"):
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core import mail
    from django.test import Client
    from django.utils import timezone

    from wendbaar.accounts.models import User
    from wendbaar.communities.models import (
        Access,
        Group,
        Membership,
        MembershipStatus,
        NotificationKind,
        Post,
        Thread,
    )
    from wendbaar.notifications.models import EmailState, Notification
    from wendbaar.notifications.services import send_digests, unread_count

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    mail.outbox = []
    rng = random.Random(20261123)
    started = time.perf_counter()

    people = User.objects.bulk_create(
        [User(email=f"persoon{n}@example.nl", name=f"Persoon {n}", password="!") for n in range(args.people)]
    )
    groups = Group.objects.bulk_create(
        [
            Group(
                name=f"Groep {n}",
                slug=f"groep-{n}",
                summary="Groep",
                access=Access.CLOSED if n % 3 else "open",
            )
            for n in range(30)
        ]
    )
    Membership.objects.bulk_create(
        [
            Membership(group=group, user=person, status=MembershipStatus.ACTIVE)
            for group in groups
            for person in rng.sample(people, k=len(people) // 10)
        ],
        ignore_conflicts=True,
    )
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        [Thread(group=rng.choice(groups), title=f"Onderwerp {n}", last_activity_at=now) for n in range(600)]
    )
    posts = Post.objects.bulk_create(
        [
            Post(thread=rng.choice(threads), body="Tekst", body_html="<p>Tekst</p>", body_text="Tekst")
            for _ in range(6000)
        ]
    )
    Post.objects.filter(pk__in=[p.pk for p in rng.sample(posts, k=len(posts) // 20)]).update(is_hidden=True)
    post_type = ContentType.objects.get_for_model(Post)
    community_kinds = [NotificationKind.REPLY, NotificationKind.ANSWER, NotificationKind.MENTION]
    rows = []
    for person in people:
        for n in range(args.per_person):
            created = now - timedelta(minutes=rng.randrange(60 * 24 * 30))
            unread = rng.random() < 0.2
            state = EmailState.DIGEST if created > now - timedelta(hours=20) else EmailState.SENT
            if n % 2:
                rows.append(
                    Notification(
                        user=person,
                        kind=rng.choice(community_kinds),
                        target_type=post_type,
                        target_id=rng.choice(posts).pk,
                        actor=rng.choice(people),
                        created_at=created,
                        read_at=None if unread else created,
                        email_state=state,
                    )
                )
            else:
                rows.append(
                    Notification(
                        user=person,
                        kind=rng.choice(["events.bijeenkomst", "events.gesprek"]),
                        text="Er is een plek vrijgekomen bij ‘Wendbaar in Zwolle’.",
                        url="/bijeenkomsten/wendbaar-in-zwolle/",
                        created_at=created,
                        read_at=None if unread else created,
                        email_state=state,
                    )
                )
    Notification.objects.bulk_create(rows, batch_size=5000)
    print(
        f"{args.db}: {len(people)} people, {len(rows)} notifications ({len(rows) // 2} rendered, with the "
        f"access rule), {len(posts)} posts; built in {time.perf_counter() - started:.1f} s"
    )

    sample = rng.sample(people, k=min(args.repeat, len(people)))
    wall, cpu = [], []
    for person in sample:
        with Timer() as timer:
            unread_count(person)
        wall.append(timer.wall)
        cpu.append(timer.cpu)
    report("unread count for the header", wall, cpu)

    client = Client()
    client.force_login(people[-1])
    for path in ("/meldingen/", "/meldingen/instellingen/"):
        client.get(path)  # the first request loads templates and URL patterns; not what is measured
    for label, path in (
        ("/meldingen/ (30 per page)", "/meldingen/"),
        ("settings page", "/meldingen/instellingen/"),
    ):
        wall, cpu = [], []
        for person in sample[:20]:
            client.force_login(person)
            with Timer() as timer:
                response = client.get(path)
            wall.append(timer.wall)
            cpu.append(timer.cpu)
            assert response.status_code == 200, (path, response.status_code)
        report(label, wall, cpu)

    due = Notification.objects.filter(email_state=EmailState.DIGEST).count()
    with Timer() as timer:
        counts = send_digests()
    first = timer.wall / 1000
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == len(set(recipients)) == counts["mails"], "someone got two overviews"
    print(
        f"  overview run: {counts['mails']} mails with {counts['notifications']} notifications "
        f"(of {due} due; the rest is about hidden posts or groups someone left) in {first:.1f} s "
        f"= {counts['mails'] / first:.0f} mails/s (cpu {timer.cpu / 1000:.1f} s)"
    )
    t0 = time.perf_counter()
    again = send_digests()
    assert again["mails"] == 0 and len(mail.outbox) == counts["mails"], "a second run mailed again"
    print(f"  second run (nothing left to send): {time.perf_counter() - t0:.2f} s")
