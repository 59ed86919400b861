import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'precedent:public';

/** Opts a route out of the global authentication guard, which denies by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
