import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Max, Min } from 'class-validator';

export class WorkingDaysQueryDto {
  @ApiProperty({ example: '2026-12-23', description: 'The day counting starts after (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'from must be a date as YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: 5, description: 'How many working days to add' })
  @Type(() => Number)
  @IsInt({ message: 'add must be a whole number of working days' })
  @Min(0)
  @Max(1000)
  add: number;
}
