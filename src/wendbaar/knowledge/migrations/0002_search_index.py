"""Search indexes that only one database understands, each created only there (vendor check):

- SQLite: the FTS5 table ``knowledge_search`` (rowid = item id), whose columns hold Dutch stems written
  by wendbaar.knowledge.search;
- PostgreSQL: a GIN index on ``knowledge_item.search_vector`` (the stored tsvector).
"""

from django.db import migrations


class VendorSQL(migrations.RunSQL):
    """RunSQL that runs on one database vendor only and does nothing on the others."""

    def __init__(self, vendor, *args, **kwargs):
        self.vendor = vendor
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, *args], kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def index_existing(apps, schema_editor):
    """Items that exist before this migration (none on a fresh install) get into the index too."""
    from wendbaar.knowledge.search import document_vector, stemmed

    Item = apps.get_model("knowledge", "Item")
    if schema_editor.connection.vendor == "postgresql":
        Item.objects.update(search_vector=document_vector())
    elif schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            for item in Item.objects.all():
                cursor.execute(
                    "INSERT INTO knowledge_search (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                    [
                        item.pk,
                        stemmed(item.title),
                        stemmed(f"{item.summary} {item.search_tags}"),
                        stemmed(f"{item.body} {item.search_extra}"),
                    ],
                )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [
        VendorSQL(
            "sqlite",
            sql="CREATE VIRTUAL TABLE knowledge_search USING fts5("
            "title, summary, body, tokenize = 'unicode61 remove_diacritics 2')",
            reverse_sql="DROP TABLE knowledge_search",
        ),
        VendorSQL(
            "postgresql",
            sql="CREATE INDEX knowledge_item_search_vector ON knowledge_item USING gin (search_vector)",
            reverse_sql="DROP INDEX knowledge_item_search_vector",
        ),
        migrations.RunPython(index_existing, migrations.RunPython.noop),
    ]
