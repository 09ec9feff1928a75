"""part of look-alike project [LG002]: the Lightning steps live in a mixin; they call self(batch) and self.loss_fn of the module that inherits them."""
# Source: CIDARLAB/knoxAI@2b712fd158 app/models/GNN/steps.py (SharedStepsMixin, re-typed; the metrics and the test step cut)


class SharedStepsMixin:
    def training_step(self, batch, batch_idx):
        y_hat = self(batch)
        loss = self.loss_fn(y_hat, batch.y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        y_hat = self(batch)
        val_loss = self.loss_fn(y_hat, batch.y)
        self.log("val_loss", val_loss, prog_bar=True)
