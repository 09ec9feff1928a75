"""part of positive project [LG005]: each environment step pushes the reward as torch.Tensor([r]) and the not-terminal bit as torch.Tensor([0 or 1]), shape (1,), into the replay lists, then runs one critic and one actor update; the losses are logged through .detach().numpy()."""
# Source: Jona240/DDPG-Routing-Test at 132d3372 (read as is; issue #1 posts the resulting warning "Using a target size (torch.Size([3, 3])) that is different to the input size (torch.Size([3, 1]))"), train.py;
# re-typed, identifiers renamed; the graph generation, logging to text files, testing pass and checkpointing
# shortened; the argument parsing replaced by keyword defaults. environment.py (SWEnv) is not included.
import random

import networkx as nx
import torch

from agent import Agent
from environment import SWEnv


def main(iteration_num=100, iteration_graph=50, gpu_list="", lead_rate=0.5, boost_rate=0.01):
    env = SWEnv()
    agent = Agent()
    agent.actor_optimizer = torch.optim.Adam(agent.actor_net_now.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=1e-4)
    agent.critic_optimizer = torch.optim.Adam(agent.critic_net_now.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=1e-4)

    for it in range(iteration_num):
        env.change_graph()
        cl_list = []
        al_list = []
        G = nx.Graph()
        for i in range(30):
            for j in range(i, 30):
                if env.cm[i, j] != 0:
                    G.add_edge(i, j, weight=env.cm_weight[i, j])

        for itg in range(iteration_graph):
            state = env.reset()
            local_position = state[1]
            state = agent.state2actor_tensor(state, gpu_list)
            is_terminal = False
            agent.experience_playback = {"state": [], "action": [], "reward": [], "next_state": [], "is_terminal": []}
            while not is_terminal:
                a_output = agent.actor_net_now(state)
                a = a_output.data.max(1)[1]
                present_step = int(a[0])
                if random.random() < lead_rate:
                    path = nx.dijkstra_path(G, source=local_position, target=env.terminal)
                    present_step = path[1]
                    local_position = path[1]
                lead_rate = lead_rate + boost_rate

                next_state, r, is_terminal, _ = env.step(present_step)
                next_state = agent.state2actor_tensor(next_state, gpu_list)
                r = torch.Tensor([r])
                if is_terminal:
                    is_terminal_bit = torch.Tensor([0])
                else:
                    is_terminal_bit = torch.Tensor([1])

                agent.experience_playback["state"].append(state)
                agent.experience_playback["action"].append(a_output)
                agent.experience_playback["reward"].append(r)
                agent.experience_playback["next_state"].append(next_state)
                agent.experience_playback["is_terminal"].append(is_terminal_bit)
                state = next_state

                cl = agent.critic_learn(agent.batch_size, gpu_list=gpu_list)
                al = agent.actor_learn(agent.batch_size, gpu_list=gpu_list)
                cl_list.append(cl.cpu().detach().numpy().tolist())
                al_list.append(al.cpu().detach().numpy().tolist())

            if itg % 4 == 1:
                agent.update_now_net2target_net(agent.actor_net_now, agent.actor_net, agent.tau_actor)
            if itg % 4 == 1:
                agent.update_now_net2target_net(agent.critic_net_now, agent.critic_net, agent.tau_critic)
        print("iter num:", it, "critic loss:", cl_list)


if __name__ == "__main__":
    main()
