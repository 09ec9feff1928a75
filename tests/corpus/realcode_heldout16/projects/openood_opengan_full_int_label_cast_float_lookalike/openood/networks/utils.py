"""part of look-alike project [LG004, LG016, LG002, LG006]: the network factory builds the OpenGAN pair by name from the config."""
# Source: Jingkang50/OpenOOD at 3c35632, openood/networks/utils.py; re-typed, identifiers renamed; every other
# network branch and checkpoint loading cut.


def get_network(network_config):
    if network_config.name == 'opengan':
        from .opengan import FeatureDiscriminator, FeatureGenerator
        backbone = get_network(network_config.backbone)
        gen = FeatureGenerator(in_channels=network_config.nz, feature_size=network_config.ngf,
                               out_channels=network_config.nc)
        disc = FeatureDiscriminator(in_channels=network_config.nc, feature_size=network_config.ndf)
        return {'netG': gen, 'netD': disc, 'backbone': backbone}
    raise NotImplementedError(network_config.name)
