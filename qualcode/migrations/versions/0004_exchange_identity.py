"""lossless REFI-QDA exchange: codable flag, coder and document GUIDs

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

REFI-QDA carries ``isCodable`` per code (a category that only groups) and GUIDs for
users and sources. (A code without a chosen colour is stored with an empty colour from
now on; existing rows keep theirs.) Keeping them lets a project
travel to another tool and back without losing or inventing anything, and lets merges
recognise the same coder and document again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN and CREATE INDEX only: SQLite would rebuild a table for anything
    # else, and rebuilding codes/coders/documents trips the foreign keys pointing at them.
    # The server default stays: it fills existing rows and new rows get theirs anyway.
    op.add_column(
        "codes", sa.Column("codable", sa.Boolean(), nullable=False, server_default=sa.true())
    )
    op.add_column("coders", sa.Column("guid", sa.String(length=36), nullable=True))
    op.create_index(op.f("ix_coders_guid"), "coders", ["guid"], unique=True)
    op.add_column("documents", sa.Column("guid", sa.String(length=36), nullable=True))
    op.create_index(op.f("ix_documents_guid"), "documents", ["guid"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_guid"), table_name="documents")
    op.drop_index(op.f("ix_coders_guid"), table_name="coders")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("guid")
    with op.batch_alter_table("coders", schema=None) as batch_op:
        batch_op.drop_column("guid")
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.drop_column("codable")
