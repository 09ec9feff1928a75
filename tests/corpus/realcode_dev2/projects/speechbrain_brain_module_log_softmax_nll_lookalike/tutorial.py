"""part of look-alike project [LG007]: the data-loading tutorial's recipe ends its forward in the library's softmax module built with apply_log=True (a log-softmax) and feeds it to the library's nll_loss: correct."""
# Source: https://github.com/speechbrain/speechbrain docs/tutorials/basics/data-loading-pipeline.ipynb (a code cell near
# the end) at 9c826ef3937bac885c8a6ca86c6889a30f256fb5; re-typed from the notebook cell, names changed, reduced.
import torch

import core
from activations import SoftmaxLayer
from losses import nll_loss


class SpeakerRecipe(core.Learner):
    def compute_forward(self, batch, stage):
        x = batch.feats.data
        x = self.modules.encoder(x)
        x = self.modules.pooling(x, batch.feats.lengths)
        x = self.modules.to_output(x)
        return self.modules.softmax(x)

    def compute_objectives(self, logits, batch, stage):
        return nll_loss(logits, batch.spk_encoded.data)


modules = {
    "encoder": torch.nn.Sequential(torch.nn.Linear(40, 256), torch.nn.ReLU()),
    "pooling": StatisticsPooling(),
    "to_output": torch.nn.Linear(512, len(speaker_encoder)),
    "softmax": SoftmaxLayer(apply_log=True),
}
recipe = SpeakerRecipe(modules, opt_class=lambda x: torch.optim.SGD(x, 0.01), run_opts={"device": "cpu"})
recipe.fit(range(1), train_set=sorted_data)
