"""positive [LG014]: a pipeline-parallelism library's U-Net memory benchmark wraps the model in GPipe (or not, for the baseline), builds SGD over its parameters and runs two iterations of forward, BCE-with-logits against a random mask, backward() and optimizer.step() without ever clearing the gradients (harmless for the peak-memory figure it prints, but the second step applies the sum of both iterations' gradients)."""
# Source: kakaobrain/torchgpipe at a1b4ee25, benchmarks/unet-memory/main.py; re-typed, identifiers renamed; three of the
# five experiment configurations, the terminal header and the per-device memory report shortened. unet() is the
# benchmark's own model builder (benchmarks/unet-memory/unet/, not included).
from typing import Any, Callable, Dict, List, Optional, Tuple, cast

import click
import torch
from torch import Tensor, nn
import torch.nn.functional as F
from torch.optim import SGD

from torchgpipe import GPipe
from unet import unet

Stuffs = Tuple[nn.Module, int, int, List[torch.device]]
Experiment = Callable[[List[int]], Stuffs]


class Experiments:
    @staticmethod
    def baseline(devices: List[int]) -> Stuffs:
        B, C = 6, 72
        model = unet(depth=5, num_convs=B, base_channels=C, input_channels=3, output_channels=1)
        device = devices[0]
        model.to(device)
        return model, B, C, [torch.device(device)]

    @staticmethod
    def pipeline2(devices: List[int]) -> Stuffs:
        B, C = 24, 128
        balance = [526, 551]
        model: nn.Module = unet(depth=5, num_convs=B, base_channels=C, input_channels=3, output_channels=1)
        model = cast(nn.Sequential, model)
        model = GPipe(model, balance, devices=devices, chunks=32)
        return model, B, C, list(model.devices)


EXPERIMENTS: Dict[str, Experiment] = {
    'baseline': Experiments.baseline,
    'pipeline-2': Experiments.pipeline2,
}


def parse_devices(ctx: Any, param: Any, value: Optional[str]) -> List[int]:
    if value is None:
        return list(range(torch.cuda.device_count()))
    return [int(x) for x in value.split(',')]


@click.command()
@click.pass_context
@click.argument('experiment', type=click.Choice(sorted(EXPERIMENTS.keys())))
@click.option('--devices', '-d', metavar='0,1,2,3', callback=parse_devices)
def cli(ctx: click.Context, experiment: str, devices: List[int]) -> None:
    f = EXPERIMENTS[experiment]
    try:
        model, B, C, _devices = f(devices)
    except ValueError as exc:
        ctx.fail(str(exc))

    optimizer = SGD(model.parameters(), lr=0.1)

    in_device = _devices[0]
    out_device = _devices[-1]
    torch.cuda.set_device(in_device)

    input = torch.rand(32, 3, 192, 192, device=in_device)
    target = torch.rand(32, 1, 192, 192, device=out_device)

    param_size = sum(p.storage().size() * p.storage().element_size() for p in model.parameters())
    param_scale = 2

    try:
        torch.cuda.empty_cache()
        for d in _devices:
            torch.cuda.reset_max_memory_cached(d)

        for _ in range(2):
            output = model(input)
            output = cast(Tensor, output)
            loss = F.binary_cross_entropy_with_logits(output, target)
            loss.backward()
            optimizer.step()  # expect: LG014

        max_memory = 0
        for d in _devices:
            torch.cuda.synchronize(d)
            max_memory += torch.cuda.max_memory_cached(d)
        click.echo(f'Peak Activation Memory: {max_memory - param_size * param_scale:,} Bytes')
    finally:
        for d in _devices:
            click.echo(f'{d!s}: {torch.cuda.memory_cached(d):,} Bytes')


if __name__ == '__main__':
    cli()
