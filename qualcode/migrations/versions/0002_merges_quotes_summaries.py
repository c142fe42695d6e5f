"""codebook merges, quote stars and ranks, CMO tags, summaries

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Added for codebook merging (aliases so later codings follow a merge), the report per
intervention (illustrative quotes in order, summaries per code and slice) and realist
evaluation (CMO tags on codes).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "code_aliases",
        sa.Column("source_guid", sa.String(length=36), nullable=False),
        sa.Column("target_guid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("source_guid", name=op.f("pk_code_aliases")),
    )
    op.create_table(
        "summaries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("scope_key", sa.String(length=100), nullable=False),
        sa.Column("scope_value", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("modified_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["coders.id"],
            name=op.f("fk_summaries_author_id_coders"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["code_id"], ["codes.id"], name=op.f("fk_summaries_code_id_codes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summaries")),
        sa.UniqueConstraint("code_id", "scope_key", "scope_value", name="scope"),
    )
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cmo", sa.String(length=12), nullable=True))
    with op.batch_alter_table("codings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("illustrative", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("quote_rank", sa.Integer(), nullable=True))
    # The default only served existing rows; new rows get theirs from the application.
    with op.batch_alter_table("codings", schema=None) as batch_op:
        batch_op.alter_column("illustrative", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("codings", schema=None) as batch_op:
        batch_op.drop_column("quote_rank")
        batch_op.drop_column("illustrative")
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.drop_column("cmo")
    op.drop_table("summaries")
    op.drop_table("code_aliases")
