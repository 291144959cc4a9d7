"""Pieces every tab uses: the paged table model, light delegate, PDF preview, errors, drafts."""
