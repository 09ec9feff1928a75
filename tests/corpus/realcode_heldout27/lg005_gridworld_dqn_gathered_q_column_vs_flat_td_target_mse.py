"""positive [LG005]: a safety-gridworld DQN agent gathers Q(s, a) with actions reshaped to (N, 1), so Qs is (N, 1), while the TD target is built from the (N,) rewards and the (N,) max over the target network; F.mse_loss(Qs, expected_Qs) broadcasts them to an (N, N) matrix of every pair."""
# Source: jvmncs/safe-grid-agents at 40f8101d, safe_grid_agents/common/agents/value.py (DeepQAgent); re-typed,
# identifiers renamed; the tabular agent and the gradient-histogram logging shortened. The base classes and the
# replay buffer are the repository's (not included).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

from safe_grid_agents.common.agents.base import BaseActor, BaseExplorer, BaseLearner
from safe_grid_agents.common.utils import ReplayBuffer
from safe_grid_agents.types import ExperienceBatch, History


class DeepQAgent(BaseActor, BaseLearner, BaseExplorer):
    def __init__(self, env, args):
        self.action_n = env.action_space.n
        board_shape = env.observation_space.shape
        self.n_input = board_shape[0] * board_shape[1]
        self.device = args.device
        self.future_eps = [1.0 - (1 - args.epsilon) * t / args.epsilon_anneal for t in range(args.epsilon_anneal)]
        self.update_epsilon()
        self.discount = args.discount
        self.lr = args.lr
        self.batch_size = args.batch_size
        self.Q = self.build_Q(self.n_input, args.n_layers, args.n_hidden)
        self.Q.eval()
        self.Q.to(self.device)
        self.target_Q = self.build_Q(self.n_input, args.n_layers, args.n_hidden)
        self.target_Q.eval()
        self.target_Q.to(self.device)
        self.replay = ReplayBuffer(args.replay_capacity)
        self.optim = torch.optim.Adam(self.Q.parameters(), lr=args.lr, amsgrad=True)

    def act(self, state):
        state_board = self._lift(state.flatten()).reshape(1, -1)
        scores = self.Q(state_board)
        return scores.argmax(1)

    def act_explore(self, state):
        return self.policy(state).sample().item()

    def policy(self, state):
        argmax = self.act(state)
        probs = torch.zeros(self.action_n, requires_grad=False, dtype=torch.float32,
                            device=self.device) + self.epsilon / self.action_n
        probs[argmax] += 1 - self.epsilon
        return Categorical(probs=probs)

    def learn(self, state, action, reward, successor, terminal, history) -> History:
        self.replay.add(state, action, reward, successor, terminal)
        states, actions, rewards, successors, terminals = self.process(self.replay.sample(self.batch_size))
        self.Q.train()
        Qs = self.Q(states).gather(1, actions)
        next_Qs = self.target_Q(successors).max(1)[0]
        next_Qs[terminals] = 0
        expected_Qs = self.discount * next_Qs + rewards
        loss = F.mse_loss(Qs, expected_Qs)  # expect: LG005
        history["writer"].add_scalar("Train/value_loss", loss.item(), history["t"])
        self.optim.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(self.Q.parameters(), 10.0)
        self.optim.step()
        self.Q.eval()
        return history

    def sync_target_Q(self) -> None:
        self.target_Q.load_state_dict(self.Q.state_dict())

    def update_epsilon(self) -> float:
        if len(self.future_eps) > 0:
            self.epsilon = self.future_eps.pop(0)
        return self.epsilon

    def build_Q(self, n_input: int, n_layers: int, n_hidden: int) -> nn.Sequential:
        first = nn.Sequential(nn.Linear(n_input, n_hidden), nn.ReLU())
        hidden = nn.Sequential(*tuple(nn.Sequential(nn.Linear(n_hidden, n_hidden), nn.ReLU())
                                      for _ in range(n_layers - 1)))
        last = nn.Linear(n_hidden, int(self.action_n))
        return nn.Sequential(first, hidden, last)

    def process(self, experiences) -> ExperienceBatch:
        boards = np.concatenate([experience.state.flatten() for experience in experiences], axis=0)
        boards = self._lift(boards, grad=True).reshape(-1, self.n_input)
        actions = [experience.action for experience in experiences]
        actions = self._lift(actions, dtype=torch.long).reshape(-1, 1)
        rewards = [experience.reward for experience in experiences]
        rewards = self._lift(rewards)
        successors = np.concatenate([experience.successor.flatten() for experience in experiences], axis=0)
        successors = self._lift(successors, grad=True).reshape(-1, self.n_input)
        terminals = [experience.terminal for experience in experiences]
        terminals = self._lift(terminals, dtype=torch.uint8)
        return boards, actions, rewards, successors, terminals

    def _lift(self, x, dtype=torch.float32, grad=False):
        t = torch.as_tensor(x, dtype=dtype, device=self.device)
        if grad:
            t.requires_grad_()
        return t
