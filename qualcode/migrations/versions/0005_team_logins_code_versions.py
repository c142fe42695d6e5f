"""team mode: coders tied to database logins, a version per code

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

On a team server a coder is a database login (``coders.login``), and codebook edits use
optimistic concurrency: every code carries a version that each edit bumps, so an edit
based on an older version is refused instead of overwriting a colleague's.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN and CREATE INDEX only: on SQLite anything more makes batch mode
    # copy the table, and dropping the old ``coders`` or ``codes`` fails on the foreign
    # keys of existing codings. So the uniqueness is an index and the default stays.
    op.add_column("coders", sa.Column("login", sa.String(length=63), nullable=True))
    op.create_index("ix_coders_login", "coders", ["login"], unique=True)
    op.add_column(
        "codes", sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
    )


def downgrade() -> None:
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.drop_column("version")
    op.drop_index("ix_coders_login", table_name="coders")
    with op.batch_alter_table("coders", schema=None) as batch_op:
        batch_op.drop_column("login")
