"""one coding per document, coder, code and span

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

The quick-code box could store the same coding twice; frequencies, agreement and exports
then counted it twice. Existing exact duplicates are folded into the oldest one (memos on
a duplicate move to the kept coding; a star on either is kept), then a unique constraint
makes a second identical coding impossible.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Frozen table definitions: what this revision needs, not the live models.
_meta = sa.MetaData()
codings = sa.Table(
    "codings",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.Integer),
    sa.Column("coder_id", sa.Integer),
    sa.Column("code_id", sa.Integer),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
    sa.Column("illustrative", sa.Boolean),
)
memos = sa.Table(
    "memos",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("coding_id", sa.Integer),
)

KEY = ("document_id", "coder_id", "code_id", "start", "end")


def _fold_duplicates(conn: sa.Connection) -> None:
    kept: dict[tuple[int, ...], int] = {}
    starred: set[int] = set()
    doomed: list[tuple[int, int]] = []
    rows = conn.execute(
        sa.select(codings.c.id, codings.c.illustrative, *(codings.c[k] for k in KEY)).order_by(
            codings.c.id
        )
    )
    for row in rows:
        key = tuple(row[2:])
        if key in kept:
            doomed.append((row.id, kept[key]))
            if row.illustrative:
                starred.add(kept[key])
        else:
            kept[key] = row.id
    for duplicate, keeper in doomed:
        conn.execute(
            sa.update(memos).where(memos.c.coding_id == duplicate).values(coding_id=keeper)
        )
        conn.execute(sa.delete(codings).where(codings.c.id == duplicate))
    if starred:
        conn.execute(
            sa.update(codings).where(codings.c.id.in_(sorted(starred))).values(illustrative=True)
        )


def upgrade() -> None:
    _fold_duplicates(op.get_bind())
    with op.batch_alter_table("codings", schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f("uq_codings_exact"), list(KEY))


def downgrade() -> None:
    with op.batch_alter_table("codings", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_codings_exact"), type_="unique")
