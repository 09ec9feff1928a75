"""look-alike [LG013]: the original: the taken action as an integer tensor (the helper keeps the int the environment gives) into the inverse loss."""

# Source: Yangyangii/Curiosity-Driven-A2C@17b92b1143 main.py (the episode loop, re-typed; the actor-critic update cut) and models.py (InverseModel)
import torch
import torch.nn as nn


def to_tensor(x, dtype=None):
    return torch.tensor(x, dtype=dtype).unsqueeze(0)


class InverseModel(nn.Module):
    def __init__(self, n_actions, hidden_dims):
        super().__init__()
        self.fc = nn.Linear(hidden_dims * 2, n_actions)

    def forward(self, features):
        features = features.view(1, -1)
        return self.fc(features)


def run(env, feature_extractor, inverse_model, select_action, policy_of, icm_optim, max_eps):
    xe_loss = nn.CrossEntropyLoss()
    for _ in range(max_eps):
        next_obs = to_tensor(env.reset(), dtype=torch.float)
        done = False
        while not done:
            obs = next_obs
            icm_optim.zero_grad()
            action = select_action(policy_of(obs))
            next_obs, reward, done, info = env.step(action)
            next_obs = to_tensor(next_obs, dtype=torch.float)
            t_action = to_tensor(action)
            features = feature_extractor(torch.cat([obs, next_obs], dim=0))
            inverse_action_prob = inverse_model(features)
            inverse_loss = xe_loss(inverse_action_prob, t_action.view(-1))
            inverse_loss.backward()
            icm_optim.step()
