"""look-alike [LG017]: the same DQN update clearing before loss.backward(), then clamping each parameter's gradient in a loop and stepping (the repository's order)."""

# Source: ncarrara/continous-dqn@1dcaf7cb74 ncarrara/utils_rl/algorithms/dqn.py (DQN._optimize_model); re-typed,
# identifiers renamed; the replay memory's class, the writer and the epsilon schedule cut
# Mutation: none (the repository's order)
import torch
import torch.nn.functional as F


class DeepQ:
    def __init__(self, policy_net, target_net, memory, gamma=0.99, batch_size=32, device="cpu"):
        self.policy_net = policy_net
        self.target_net = target_net
        self.memory = memory
        self.gamma = gamma
        self.batch_size = batch_size
        self.device = device
        self.optimizer = torch.optim.RMSprop(self.policy_net.parameters(), lr=1e-3)
        self.loss_function = F.smooth_l1_loss

    def optimize_model(self):
        transitions = self.memory.sample(self.batch_size)
        states, actions, rewards, next_states = zip(*transitions)
        state_batch = torch.cat(states)
        action_batch = torch.cat(actions)
        reward_batch = torch.cat(rewards)
        non_final_mask = torch.tensor([s is not None for s in next_states], dtype=torch.bool, device=self.device)
        non_final_next_states = [s for s in next_states if s is not None]
        q_values = self.policy_net(state_batch)
        state_action_values = q_values.gather(1, action_batch)
        next_state_values = torch.zeros(len(transitions), device=self.device)
        if non_final_next_states:
            next_state_values[non_final_mask] = self.target_net(torch.cat(non_final_next_states)).max(1)[0].detach()
        expected = (next_state_values * self.gamma) + reward_batch
        loss = self.loss_function(state_action_values, expected.unsqueeze(1))
        self.optimizer.zero_grad()
        loss.backward()
        for param in self.policy_net.parameters():
            param.grad.data.clamp_(-1, 1)
        self.optimizer.step()
        return loss.item()

    def fit(self, episodes, env_step):
        for episode in range(episodes):
            done = False
            while not done:
                done = env_step(self.memory)
                if len(self.memory) >= self.batch_size:
                    self.optimize_model()
