"""part of positive project [LG001, LG011]: the off-policy-correction example notebook (cells as a script): a behaviour network Beta = nn.Sequential(nn.Linear(1290, num_items), nn.Softmax()) trains itself inside forward with nn.CrossEntropyLoss on its own softmax output against the logged item (argmax of the one-hot action), and returns the detached probabilities to the actor's correction."""
# Source: awarebayes/RecNN at e61c7642 (read as is), examples/2. REINFORCE TopK Off Policy Correction/2. Reinforce Off Policy Correction.ipynb
# (code cells 1-6); re-typed, identifiers renamed; the jupyter magics, theme and plotting calls removed. optim is used
# but never imported in these cells, as in the notebook.
import sys
from time import gmtime, strftime

import torch
import torch.nn as nn
from torch.utils.tensorboard import SummaryWriter
from tqdm.auto import tqdm

sys.path.append("../../")
import recnn

cuda = torch.device('cuda')
frame_size = 10
batch_size = 10
n_epochs = 100
plot_every = 30
num_items = 5000


def embed_batch(batch, item_embeddings_tensor, *args, **kwargs):
    return recnn.data.batch_contstate_discaction(batch, item_embeddings_tensor, frame_size=frame_size,
                                                 num_items=num_items)


def prepare_dataset(args_mut, kwargs):
    kwargs.set('reduce_items_to', num_items)
    pipeline = [recnn.data.truncate_dataset, recnn.data.prepare_dataset]
    recnn.data.build_data_pipeline(pipeline, kwargs, args_mut)


dirs = recnn.data.env.DataPath(base="../../data/", embeddings="embeddings/ml20_pca128.pkl",
                               ratings="ml-20m/ratings.csv", cache="cache/frame_env_truncated.pkl", use_cache=True)
env = recnn.data.env.FrameEnv(dirs, frame_size, batch_size, embed_batch=embed_batch,
                              prepare_dataset=prepare_dataset, num_workers=0)


class BehaviourNet(nn.Module):
    def __init__(self):
        super(BehaviourNet, self).__init__()
        self.net = nn.Sequential(
            nn.Linear(1290, num_items),
            nn.Softmax()  # expect: LG011
        )
        self.optim = optim.RAdam(self.net.parameters(), lr=1e-5, weight_decay=1e-5)
        self.criterion = nn.CrossEntropyLoss()

    def forward(self, state, action):
        predicted_action = self.net(state)
        loss = self.criterion(predicted_action, action.argmax(1))  # expect: LG001
        self.optim.zero_grad()
        loss.backward()
        self.optim.step()
        return predicted_action.detach()


beta_net = BehaviourNet().to(cuda)
value_net = recnn.nn.Critic(1290, num_items, 2048, 54e-2).to(cuda)
policy_net = recnn.nn.DiscreteActor(1290, num_items, 2048).to(cuda)
policy_net.action_source = {'pi': 'beta', 'beta': 'beta'}
reinforce = recnn.nn.Reinforce(policy_net, value_net)
reinforce = reinforce.to(cuda)
reinforce.writer = SummaryWriter(log_dir='.../../runs/ReinforceOffPolicy{}/'.format(strftime("%H_%M", gmtime())))


def select_action_corr(state, action, writer, step, **kwargs):
    return reinforce.nets['policy_net']._select_action_with_correction(state, beta_net.forward, action, writer, step)


reinforce.nets['policy_net'].select_action = select_action_corr
reinforce.params['reinforce'] = recnn.nn.ChooseREINFORCE(recnn.nn.ChooseREINFORCE.reinforce_with_correction)

for epoch in range(n_epochs):
    for batch in tqdm(env.train_dataloader):
        loss = reinforce.update(batch)
        reinforce.step()
