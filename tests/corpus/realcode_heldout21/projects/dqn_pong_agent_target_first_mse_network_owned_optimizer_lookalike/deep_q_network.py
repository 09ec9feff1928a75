"""part of look-alike project [LG005, LG014]: the Q-network owns its optimizer (self.optimizer = RMSprop) and loss (self.loss = nn.MSELoss()) and ends in nn.Linear(512, n_actions)."""
# Source: philtabor/Deep-Q-Learning-Paper-To-Code at 64e0546d (read as is; issue #19 argues the MSE arguments are the wrong way round), DQN/deep_q_network.py;
# re-typed, identifiers renamed.
import os

import numpy as np
import torch as T
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class DeepQNetwork(nn.Module):
    def __init__(self, lr, n_actions, name, input_dims, chkpt_dir):
        super(DeepQNetwork, self).__init__()
        self.checkpoint_file = os.path.join(chkpt_dir, name)
        self.conv1 = nn.Conv2d(input_dims[0], 32, 8, stride=4)
        self.conv2 = nn.Conv2d(32, 64, 4, stride=2)
        self.conv3 = nn.Conv2d(64, 64, 3, stride=1)
        fc_in = self.calculate_conv_output_dims(input_dims)
        self.fc1 = nn.Linear(fc_in, 512)
        self.fc2 = nn.Linear(512, n_actions)
        self.optimizer = optim.RMSprop(self.parameters(), lr=lr)
        self.loss = nn.MSELoss()
        self.device = T.device("cuda:0" if T.cuda.is_available() else "cpu")
        self.to(self.device)

    def calculate_conv_output_dims(self, input_dims):
        s = T.zeros(1, *input_dims)
        d = self.conv3(self.conv2(self.conv1(s)))
        return int(np.prod(d.size()))

    def forward(self, state):
        h = F.relu(self.conv1(state))
        h = F.relu(self.conv2(h))
        h = F.relu(self.conv3(h))
        h = h.view(h.size()[0], -1)
        h = F.relu(self.fc1(h))
        return self.fc2(h)

    def save_checkpoint(self):
        T.save(self.state_dict(), self.checkpoint_file)

    def load_checkpoint(self):
        self.load_state_dict(T.load(self.checkpoint_file))
