"""part of positive project [LG001, LG011]: the recommender's discrete REINFORCE actor: two Linear layers, forward returns F.softmax(action_scores) with no dim (item probabilities); off-policy correction samples from it and from the behaviour network beta passed in, storing log-probabilities and importance weights for the policy loss."""
# Source: awarebayes/RecNN at e61c7642 (read as is), recnn/nn/models.py;
# re-typed, identifiers renamed; the DDPG Actor, the top-K correction and the Critic's init cut (Critic kept short).
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical


class DiscreteActor(nn.Module):
    def __init__(self, input_dim, action_dim, hidden_size, init_w=0):
        super(DiscreteActor, self).__init__()
        self.linear1 = nn.Linear(input_dim, hidden_size)
        self.linear2 = nn.Linear(hidden_size, action_dim)
        self.saved_log_probs = []
        self.rewards = []
        self.correction = []
        self.lambda_k = []
        self.action_source = {"pi": "pi", "beta": "beta"}
        self.select_action = self._select_action

    def forward(self, inputs):
        x = inputs
        x = F.relu(self.linear1(x))
        action_scores = self.linear2(x)
        return F.softmax(action_scores)  # expect: LG011

    def gc(self):
        del self.rewards[:]
        del self.saved_log_probs[:]
        del self.correction[:]
        del self.lambda_k[:]

    def _select_action(self, state, **kwargs):
        pi_probs = self.forward(state)
        pi_categorical = Categorical(pi_probs)
        pi_action = pi_categorical.sample()
        self.saved_log_probs.append(pi_categorical.log_prob(pi_action))
        return pi_probs

    def pi_beta_sample(self, state, beta, action, **kwargs):
        beta_probs = beta(state.detach(), action=action)
        pi_probs = self.forward(state)
        beta_categorical = Categorical(beta_probs)
        pi_categorical = Categorical(pi_probs)
        available_actions = {"pi": pi_categorical.sample(), "beta": beta_categorical.sample()}
        pi_action = available_actions[self.action_source["pi"]]
        beta_action = available_actions[self.action_source["beta"]]
        pi_log_prob = pi_categorical.log_prob(pi_action)
        beta_log_prob = beta_categorical.log_prob(beta_action)
        return pi_log_prob, beta_log_prob, pi_probs

    def _select_action_with_correction(self, state, beta, action, writer, step, **kwargs):
        pi_log_prob, beta_log_prob, pi_probs = self.pi_beta_sample(state, beta, action)
        corr = torch.exp(pi_log_prob) / torch.exp(beta_log_prob)
        writer.add_histogram("correction", corr, step)
        self.correction.append(corr)
        self.saved_log_probs.append(pi_log_prob)
        return pi_probs


class Critic(nn.Module):
    def __init__(self, input_dim, action_dim, hidden_size, init_w=3e-5):
        super(Critic, self).__init__()
        self.drop_layer = nn.Dropout(p=0.5)
        self.linear1 = nn.Linear(input_dim + action_dim, hidden_size)
        self.linear2 = nn.Linear(hidden_size, hidden_size)
        self.linear3 = nn.Linear(hidden_size, 1)

    def forward(self, state, action):
        value = torch.cat([state, action], 1)
        value = F.relu(self.linear1(value))
        value = self.drop_layer(value)
        value = F.relu(self.linear2(value))
        value = self.drop_layer(value)
        return self.linear3(value)
